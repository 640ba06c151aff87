import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{D as t,It as n,Ot as r,P as i,Z as a,ei as o,l as s,o as c,r as l,u,w as d,y as f}from"./index-CUr97UIb.js";import{t as p}from"./list-JfATqGmj.js";import{t as m}from"./space-DDlhjRAT.js";import{t as h}from"./tag-Cx-9Bud6.js";import{n as g,r as _,t as v}from"./upload-jVycAUeO.js";import{t as y}from"./download-BDK5Vx8Z.js";var b=e(a(),1),x=e(o(),1),S=l();s(`
  fragment AttachmentItem on Attachment {
    id
    fileName
    currentVersion
    task {
      id
      code
    }
    versions {
      id
      number
      size
      changeNote
      createdAt
      downloadUrl
      uploadedBy {
        id
        displayName
      }
    }
  }
`);function C(e){return e<1024?`${e} B`:e<1048576?`${(e/1024).toFixed(1)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function w({attachments:e,target:a,onUploaded:o}){let{t:s,language:l}=u(),{message:w}=r.useApp(),T=y(),[E,D]=(0,x.useState)(``),[O,k]=(0,x.useState)(!1);return(0,S.jsxs)(i,{size:`small`,title:s(`files.title`),"data-testid":`attachments`,children:[(0,S.jsx)(p,{size:`small`,locale:{emptyText:(0,S.jsx)(f.Text,{type:`secondary`,children:s(`common.none`)})},dataSource:e,renderItem:e=>(0,S.jsx)(p.Item,{children:(0,S.jsxs)(m,{direction:`vertical`,size:2,style:{width:`100%`},children:[(0,S.jsxs)(m,{wrap:!0,children:[(0,S.jsx)(f.Text,{strong:!0,children:e.fileName}),(0,S.jsx)(h,{children:s(`files.version`,{n:e.currentVersion})}),e.task&&(0,S.jsx)(h,{children:e.task.code})]}),[...e.versions].reverse().map(t=>(0,S.jsxs)(m,{wrap:!0,size:4,children:[(0,S.jsx)(n,{size:`small`,type:`link`,style:{paddingInline:0},"aria-label":s(`files.downloadVersion`,{name:e.fileName,n:t.number}),onClick:()=>void T(t.downloadUrl),children:s(`files.version`,{n:t.number})}),(0,S.jsxs)(f.Text,{type:`secondary`,children:[C(t.size),` · `,t.uploadedBy?.displayName,` ·`,` `,(0,b.default)(t.createdAt).format(`YYYY-MM-DD HH:mm`)]}),t.changeNote&&(0,S.jsx)(f.Text,{children:t.changeNote})]},t.id))]})})}),a&&(0,S.jsxs)(t,{layout:`vertical`,style:{marginTop:12},children:[(0,S.jsx)(t.Item,{label:s(`files.note`),htmlFor:`attachment-note`,extra:s(`files.noteHelp`),children:(0,S.jsx)(d,{id:`attachment-note`,value:E,maxLength:500,onChange:e=>D(e.target.value)})}),(0,S.jsx)(_,{showUploadList:!1,customRequest:({file:e,onSuccess:t,onError:n})=>{k(!0),v(e,a,E).then(()=>{t?.(null),D(``),w.success(s(`files.uploaded`)),o()}).catch(e=>{n?.(e),w.error(c(e,s,l))}).finally(()=>k(!1))},children:(0,S.jsx)(n,{icon:(0,S.jsx)(g,{}),loading:O,children:s(`files.upload`)})})]})]})}export{w as t};