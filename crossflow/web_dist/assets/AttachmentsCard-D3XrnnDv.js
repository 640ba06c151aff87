import{C as e,E as t,Et as n,N as r,Pt as i,Qr as a,Y as o,c as s,l as c,o as l,r as u,ti as d,v as f}from"./index-eZd5Ttaf.js";import{t as p}from"./list-BrWI6-Ft.js";import{t as m}from"./space-BLuJt17u.js";import{t as h}from"./tag-CpyRA8Nb.js";import{n as g,r as _,t as v}from"./upload-BOXdhc2x.js";import{t as y}from"./download-BJiwwcGJ.js";var b=d(o(),1),x=d(a(),1),S=u();s(`
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
`);function C(e){return e<1024?`${e} B`:e<1048576?`${(e/1024).toFixed(1)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function w({attachments:a,target:o,onUploaded:s}){let{t:u,language:d}=c(),{message:w}=n.useApp(),T=y(),[E,D]=(0,x.useState)(``),[O,k]=(0,x.useState)(!1);return(0,S.jsxs)(r,{size:`small`,title:u(`files.title`),"data-testid":`attachments`,children:[(0,S.jsx)(p,{size:`small`,locale:{emptyText:(0,S.jsx)(f.Text,{type:`secondary`,children:u(`common.none`)})},dataSource:a,renderItem:e=>(0,S.jsx)(p.Item,{children:(0,S.jsxs)(m,{direction:`vertical`,size:2,style:{width:`100%`},children:[(0,S.jsxs)(m,{wrap:!0,children:[(0,S.jsx)(f.Text,{strong:!0,children:e.fileName}),(0,S.jsx)(h,{children:u(`files.version`,{n:e.currentVersion})}),e.task&&(0,S.jsx)(h,{children:e.task.code})]}),[...e.versions].reverse().map(t=>(0,S.jsxs)(m,{wrap:!0,size:4,children:[(0,S.jsx)(i,{size:`small`,type:`link`,style:{paddingInline:0},"aria-label":u(`files.downloadVersion`,{name:e.fileName,n:t.number}),onClick:()=>void T(t.downloadUrl),children:u(`files.version`,{n:t.number})}),(0,S.jsxs)(f.Text,{type:`secondary`,children:[C(t.size),` · `,t.uploadedBy?.displayName,` ·`,` `,(0,b.default)(t.createdAt).format(`YYYY-MM-DD HH:mm`)]}),t.changeNote&&(0,S.jsx)(f.Text,{children:t.changeNote})]},t.id))]})})}),o&&(0,S.jsxs)(t,{layout:`vertical`,style:{marginTop:12},children:[(0,S.jsx)(t.Item,{label:u(`files.note`),htmlFor:`attachment-note`,extra:u(`files.noteHelp`),children:(0,S.jsx)(e,{id:`attachment-note`,value:E,maxLength:500,onChange:e=>D(e.target.value)})}),(0,S.jsx)(_,{showUploadList:!1,customRequest:({file:e,onSuccess:t,onError:n})=>{k(!0),v(e,o,E).then(()=>{t?.(null),D(``),w.success(u(`files.uploaded`)),s()}).catch(e=>{n?.(e),w.error(l(e,u,d))}).finally(()=>k(!1))},children:(0,S.jsx)(i,{icon:(0,S.jsx)(g,{}),loading:O,children:u(`files.upload`)})})]})]})}export{w as t};