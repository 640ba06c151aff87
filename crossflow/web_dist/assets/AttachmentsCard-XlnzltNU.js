import{A as e,Ct as t,K as n,S as r,Vr as i,Wr as a,c as o,jt as s,l as c,o as l,r as u,v as d,w as f}from"./index-DxxYmQ5J.js";import{t as p}from"./list-COtBdQ5B.js";import{t as m}from"./space-ASlxUxqI.js";import{t as h}from"./tag-CxEg-cbB.js";import{n as g,r as _,t as v}from"./upload-lVj43C2r.js";import{t as y}from"./download-CZ97Xay1.js";var b=a(n(),1),x=a(i(),1),S=u();o(`
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
`);function C(e){return e<1024?`${e} B`:e<1048576?`${(e/1024).toFixed(1)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function w({attachments:n,target:i,onUploaded:a}){let{t:o,language:u}=c(),{message:w}=t.useApp(),T=y(),[E,D]=(0,x.useState)(``),[O,k]=(0,x.useState)(!1);return(0,S.jsxs)(e,{size:`small`,title:o(`files.title`),"data-testid":`attachments`,children:[(0,S.jsx)(p,{size:`small`,locale:{emptyText:(0,S.jsx)(d.Text,{type:`secondary`,children:o(`common.none`)})},dataSource:n,renderItem:e=>(0,S.jsx)(p.Item,{children:(0,S.jsxs)(m,{direction:`vertical`,size:2,style:{width:`100%`},children:[(0,S.jsxs)(m,{wrap:!0,children:[(0,S.jsx)(d.Text,{strong:!0,children:e.fileName}),(0,S.jsx)(h,{children:o(`files.version`,{n:e.currentVersion})}),e.task&&(0,S.jsx)(h,{children:e.task.code})]}),[...e.versions].reverse().map(t=>(0,S.jsxs)(m,{wrap:!0,size:4,children:[(0,S.jsx)(s,{size:`small`,type:`link`,style:{paddingInline:0},"aria-label":o(`files.downloadVersion`,{name:e.fileName,n:t.number}),onClick:()=>void T(t.downloadUrl),children:o(`files.version`,{n:t.number})}),(0,S.jsxs)(d.Text,{type:`secondary`,children:[C(t.size),` · `,t.uploadedBy?.displayName,` ·`,` `,(0,b.default)(t.createdAt).format(`YYYY-MM-DD HH:mm`)]}),t.changeNote&&(0,S.jsx)(d.Text,{children:t.changeNote})]},t.id))]})})}),i&&(0,S.jsxs)(f,{layout:`vertical`,style:{marginTop:12},children:[(0,S.jsx)(f.Item,{label:o(`files.note`),htmlFor:`attachment-note`,extra:o(`files.noteHelp`),children:(0,S.jsx)(r,{id:`attachment-note`,value:E,maxLength:500,onChange:e=>D(e.target.value)})}),(0,S.jsx)(_,{showUploadList:!1,customRequest:({file:e,onSuccess:t,onError:n})=>{k(!0),v(e,i,E).then(()=>{t?.(null),D(``),w.success(o(`files.uploaded`)),a()}).catch(e=>{n?.(e),w.error(l(e,o,u))}).finally(()=>k(!1))},children:(0,S.jsx)(s,{icon:(0,S.jsx)(g,{}),loading:O,children:o(`files.upload`)})})]})]})}export{w as t};