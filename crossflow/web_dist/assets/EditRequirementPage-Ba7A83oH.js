import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{F as t,Lr as n,Lt as r,O as i,Q as a,T as o,b as s,d as c,jr as l,kt as u,l as d,mn as f,n as p,o as m,r as h,ti as g,u as _,v,x as y,y as b}from"./index-Bv15gHvB.js";import{n as x}from"./PersonPicker-DooitGsg.js";import{t as S}from"./space-CDIbhnFy.js";import{t as C}from"./upload-CsnbNX_2.js";import{a as w,i as T,n as E,r as D,t as O}from"./customFields-D89xekNu.js";var k=e(g(),1),A=e(a(),1);_(`
  fragment StoredCustomValue on CustomFieldValue {
    key
    type
    retired
    textValue
    numberValue
    moneyValue
    dateValue
    choices {
      value
    }
    user {
      id
      displayName
    }
    department {
      id
    }
    file {
      id
      fileName
    }
  }
`);function j(e){let t={values:{},people:[],files:{}};for(let n of e)if(!n.retired)switch(n.type){case`TEXT`:t.values[n.key]=n.textValue??void 0;break;case`NUMBER`:t.values[n.key]=n.numberValue??void 0;break;case`MONEY`:t.values[n.key]=n.moneyValue??void 0;break;case`DATE`:t.values[n.key]=n.dateValue?(0,A.default)(n.dateValue):void 0;break;case`CHOICE`:t.values[n.key]=n.choices?.[0]?.value;break;case`MULTI_CHOICE`:t.values[n.key]=n.choices?.map(e=>e.value)??[];break;case`USER`:t.values[n.key]=n.user?.id,n.user&&t.people.push({value:n.user.id,label:n.user.displayName});break;case`DEPARTMENT`:t.values[n.key]=n.department?.id;break;case`FILE`:n.file&&(t.files[n.key]=n.file.fileName)}return t}function M(e,t,n){let r=D(e,t);for(let t of e)t.type!==`FILE`&&!(t.key in r)&&n[t.key]!==void 0&&(r[t.key]=null);return r}var N=h(),P=_(`
  query EditableRequirement($code: String!) {
    requirement(code: $code) {
      id
      code
      status
      version
      title
      background
      goals
      deliverables
      acceptanceCriteria
      dataNeeds
      contact
      expectedBy
      initiator {
        id
      }
      template {
        id
      }
      customFields {
        ...StoredCustomValue
      }
    }
    departments {
      id
      name
      nameEn
    }
  }
`),F=_(`
  query EditRequirementForm($templateId: ID) {
    requirementForm(templateId: $templateId) {
      version
      fields {
        id
        key
        label
        labelEn
        type
        required
        helpText
        position
        options {
          value
          label
          labelEn
        }
      }
    }
  }
`),I=_(`
  mutation SaveRequirementEdit($input: UpdateRequirementInput!) {
    updateRequirement(input: $input) {
      id
      code
      version
      title
      background
      goals
      deliverables
      acceptanceCriteria
      dataNeeds
      contact
      expectedBy
    }
  }
`),L=[`background`,`goals`,`deliverables`,`acceptanceCriteria`,`dataNeeds`];function R(){let{code:e=``}=b(),{t:a,language:h}=c(),{message:g}=u.useApp(),{viewer:_}=p(),D=v(),[R]=i.useForm(),{data:z,error:B}=n(P,{variables:{code:e},fetchPolicy:`network-only`}),[V,H]=l(I),[U,W]=(0,k.useState)(!1),G=z?.requirement,K=n(F,{variables:{templateId:G?.template?.id??null},skip:!G,fetchPolicy:`network-only`}),q=(0,k.useMemo)(()=>[...K.data?.requirementForm.fields??[]].sort((e,t)=>e.position-t.position),[K.data]),J=(0,k.useMemo)(()=>j(G?.customFields??[]),[G]);if(B)return(0,N.jsx)(y,{status:`error`,title:m(B,a,h)});if(!G||K.loading&&!K.data)return(0,N.jsx)(t,{loading:!0});let Y=(z?.departments??[]).map(e=>({value:e.id,label:h===`en`&&e.nameEn||e.name}));if(!(G.initiator?.id===_.id&&[`DRAFT`,`PENDING_MODIFICATION`].includes(G.status)))return(0,N.jsx)(y,{status:`403`,title:a(`edit.notEditable`)});let X=async e=>{try{await V({variables:{input:{id:G.id,version:G.version,title:e.title,contact:e.contact??``,expectedBy:e.expectedBy?e.expectedBy.format(`YYYY-MM-DD`):null,...Object.fromEntries(L.map(t=>[t,e[t]??``])),customFields:M(q,e.customFields,J.values)}}});let t=E(q,e.customFields);if(t.length>0){let e={};for(let[n,r]of t)e[n]=await C(r,{requirementId:G.id},``);await V({variables:{input:{id:G.id,customFields:e}}})}g.success(a(`edit.saved`)),D(`/requirements/${G.code}`)}catch(e){W(!d(R,e,a,h))}};return(0,N.jsxs)(S,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,N.jsxs)(s.Title,{level:1,style:{fontSize:22,margin:0},children:[a(`edit.title`),` · `,G.code]}),(0,N.jsxs)(t,{size:`small`,children:[H.error&&U&&(0,N.jsx)(f,{type:`error`,showIcon:!0,message:m(H.error,a,h),style:{marginBottom:12}}),(0,N.jsxs)(i,{form:R,layout:`vertical`,initialValues:{...G,expectedBy:G.expectedBy?(0,A.default)(G.expectedBy):null,customFields:J.values},onFinish:e=>void X(e),children:[(0,N.jsx)(i.Item,{label:a(`req.title`),name:`title`,rules:[{required:!0,whitespace:!0,message:a(`field.required`,{label:a(`req.title`)})}],children:(0,N.jsx)(o,{maxLength:200,showCount:!0})}),L.map(e=>(0,N.jsx)(i.Item,{label:a(`req.${e}`),name:e,children:(0,N.jsx)(o.TextArea,{autoSize:{minRows:2}})},e)),(0,N.jsx)(i.Item,{label:a(`req.expectedBy`),name:`expectedBy`,children:(0,N.jsx)(x,{style:{width:`100%`}})}),(0,N.jsx)(i.Item,{label:a(`req.contact`),name:`contact`,children:(0,N.jsx)(o,{})}),q.length>0&&(0,N.jsx)(s.Title,{level:2,style:{fontSize:16},children:a(`req.customFields`)}),q.map(e=>(0,N.jsx)(i.Item,{label:T(e,h),name:[`customFields`,e.key],required:e.required,extra:[e.helpText,J.files[e.key]].filter(Boolean).join(` · `)||void 0,rules:e.type===`FILE`?[]:w(e,a,h),"data-testid":`custom-${e.key}`,children:(0,N.jsx)(O,{field:e,language:h,t:a,users:J.people,departments:Y})},e.id)),(0,N.jsxs)(S,{children:[(0,N.jsx)(r,{onClick:()=>D(`/requirements/${G.code}`),children:a(`edit.cancel`)}),(0,N.jsx)(r,{type:`primary`,htmlType:`submit`,loading:H.loading,children:a(`edit.save`)})]})]})]})]})}export{R as default};